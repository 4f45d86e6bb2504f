// TrendCastPlugin: to be written.
