// plugin table: to be written.
