// plugin baseline: to be written.
