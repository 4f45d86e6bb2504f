// TrendCastSyntax: to be written.
