// plugin reshape: to be written.
