// plugin clean: to be written.
