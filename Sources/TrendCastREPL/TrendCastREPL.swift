// TrendCastREPL: to be written.
