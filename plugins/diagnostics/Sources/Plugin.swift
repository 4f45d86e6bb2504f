// plugin diagnostics: to be written.
