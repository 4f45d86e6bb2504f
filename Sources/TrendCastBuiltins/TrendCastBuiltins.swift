// TrendCastBuiltins: to be written.
