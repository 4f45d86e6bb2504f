print("trendcast")
