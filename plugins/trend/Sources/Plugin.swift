// plugin trend: to be written.
