// TrendCastTestSupport: to be written.
