// TrendCastGraph: to be written.
