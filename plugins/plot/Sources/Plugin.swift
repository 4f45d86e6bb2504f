// plugin plot: to be written.
