// TrendCastNumerics: to be written.
