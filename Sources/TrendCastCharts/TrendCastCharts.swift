// TrendCastCharts: to be written.
