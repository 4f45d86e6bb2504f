// TrendCastValues: to be written.
