// plugin rules: to be written.
