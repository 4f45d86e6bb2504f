// TrendCastNotebook: to be written.
