// TrendCastLineReader: to be written.
