// plugin forecast: to be written.
