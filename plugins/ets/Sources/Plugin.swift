// plugin ets: to be written.
