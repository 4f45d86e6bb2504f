// plugin io: to be written.
