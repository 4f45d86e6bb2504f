import TrendCastNumerics
import TrendCastPlugin
import TrendCastValues

/// `fit arima X [order=(p,d,q)] [seasonal=(P,D,Q[,s])] [trend=n|c|t] [xreg=…] [transform=log] …`
enum FitArimaCommand {
  static let signature = CommandSignature(
    ["fit", "arima"], summary: "seasonal ARIMA with regressors by exact maximum likelihood; automatic orders without order=",
    discussion: """
      With order= the model is estimated as R's arima (conditional sum of squares for start \
      values, then exact Gaussian maximum likelihood through the Kalman filter, AR parts kept \
      stationary, MA parts made invertible, as R); missing values are handled by the filter. Without order= the \
      Hyndman–Khandakar search of R's auto.arima chooses d (KPSS tests), D (seasonal strength, \
      or OCSB) and the orders (stepwise on AICc), and the display says why. trend: n none, \
      c a constant (only without differencing), t a linear trend (a drift after one difference); \
      the default is R's: a mean when the model takes no difference, nothing otherwise. \
      transform=log fits the log and forecasts on the original scale. xreg= adds regressors: a \
      series (xreg=sales.price), a table, column names of the input table (xreg=["price"]), or a \
      list of series; forecast then needs their future values. fourier=K adds K sine and cosine \
      pairs of the season as regressors (R's fourier), for seasons too long for seasonal ARIMA \
      terms; their future values are known, and the automatic search is then non-seasonal. Over \
      a panel every series is fitted, in parallel.
      """,
    inputs: [InputSpec("X", .value([.series, .table]), help: "the series to model (or a panel of series)")],
    options: [
      OptionSpec("order", .tuple(.integer, counts: 3...3), defaultDescription: "automatic search", help: "(p,d,q): AR order, differences, MA order"),
      OptionSpec("seasonal", .tuple(.integer, counts: 3...4), help: "(P,D,Q) or (P,D,Q,s): the seasonal part; s defaults to the series' period"),
      OptionSpec("trend", .keyword(["n", "c", "t"]), defaultDescription: "c without differencing, else n", help: "n none, c constant, t linear trend (drift)"),
      OptionSpec("xreg", .reference([.series, .table, .text, .list]), help: "regressors: a series, a table, or column names of the input table"),
      OptionSpec("fourier", .integer, help: "K pairs of Fourier terms of the season as regressors (long seasons: 52 weeks, 365 days); the automatic search is then non-seasonal"),
      OptionSpec("transform", .keyword(["log", "none"]), default: .keyword("none"), help: "log: fit the log of the data, forecast on the original scale"),
      OptionSpec("period", .integer, defaultDescription: "from the series' frequency", help: "seasonal period (12 monthly, 4 quarterly, 7 daily, 52 weekly)"),
      OptionSpec("trace", .boolean, default: .boolean(false), help: "print every model the automatic search tries"),
      OptionSpec("ic", .keyword(["aicc", "aic", "bic"]), default: .keyword("aicc"), help: "criterion of the automatic search"),
      OptionSpec("stepwise", .boolean, default: .boolean(true), help: "false: search every model up to max_order (slower, in parallel)"),
      OptionSpec("approximation", .boolean, defaultDescription: "true when n > 150 or period > 12", help: "search with CSS fits, then re-fit the best exactly"),
      OptionSpec("seasonal_test", .keyword(["seas", "ocsb"]), default: .keyword("seas"), help: "test that chooses D: seasonal strength or OCSB"),
      OptionSpec("stationary", .boolean, default: .boolean(false), help: "search stationary models only (d = D = 0)"),
      OptionSpec("d", .integer, defaultDescription: "KPSS tests", help: "fix d in the automatic search"),
      OptionSpec("D", .integer, defaultDescription: "seasonal test", help: "fix D in the automatic search"),
      OptionSpec("max_p", .integer, default: .integer(5), help: "largest p searched"),
      OptionSpec("max_q", .integer, default: .integer(5), help: "largest q searched"),
      OptionSpec("max_P", .integer, default: .integer(2), help: "largest seasonal P searched"),
      OptionSpec("max_Q", .integer, default: .integer(2), help: "largest seasonal Q searched"),
      OptionSpec("max_order", .integer, default: .integer(5), help: "largest p+q+P+Q when stepwise=false"),
      OptionSpec("max_d", .integer, default: .integer(2), help: "largest d the KPSS tests may choose"),
      OptionSpec("max_D", .integer, default: .integer(1), help: "largest D the seasonal test may choose"),
      OptionSpec("nmodels", .integer, default: .integer(94), help: "most models the stepwise search fits"),
    ],
    examples: [
      "m = fit arima air order=(0,1,1) seasonal=(0,1,1) transform=log",
      "auto = fit arima units",
      "m = fit arima sales.units xreg=sales.price",
      "m = fit arima units trace=true",
      "m = fit arima weekly.sales fourier=4",
    ],
    result: .model)

  @Sendable static func run(_ invocation: Invocation) throws -> any Value {
    let input = try invocation.value(0)
    let xregOption = invocation.optionValue("xreg")
    let inputTable = input as? Table
    let regressors = try Regressor.parse(xregOption, table: inputTable, optionName: "xreg", invocation: invocation)
    let series: Series
    if let table = inputTable, !regressors.isEmpty {
      // A table input with regressor columns: the series is its one other numeric column.
      let used = Set(regressors.map(\.name))
      let timeName = table.timeIndexColumn?.name
      let candidates = table.columns.filter { $0.isNumeric && $0.name != timeName && !used.contains($0.name) }
      guard candidates.count == 1, let target = candidates.first else {
        throw RuntimeError("which column of the table to model is unclear (\(candidates.map(\.name).joined(separator: ", ")))",
          hint: "pick the series with a dot, e.g. fit arima table.units xreg=table.price").focused(on: .input(0))
      }
      series = try table.series(column: target.name, duplicates: table.duplicatePolicy)
    } else {
      series = try invocation.series(0)
    }

    let periodGiven = try invocation.integer("period")
    if let periodGiven, !(1...1000).contains(periodGiven) {
      throw invocation.optionError("period", "period must be between 1 and 1000, not \(periodGiven)")
    }
    let period = periodGiven ?? series.index.seasonalPeriod
    let specification = try makeSpecification(invocation, period: period, seriesLength: series.count)
    let flag = invocation.context.cancellation
    let model = try ArimaFitting.fit(series, specification: specification, xreg: regressors, period: period,
      isCancelled: { flag.isCancelled }, checkCancellation: { try invocation.context.checkCancellation() })
    if let report = model.searchReport, try invocation.boolean("trace") == true {
      for line in ArimaModel.traceLines(report) { invocation.report(line) }
    }
    return model
  }

  static func makeSpecification(_ invocation: Invocation, period: Int, seriesLength: Int) throws -> ArimaSpecification {
    let trend = try invocation.keyword("trend").flatMap(ArimaSpecification.Trend.init(rawValue:))
    let logTransform = try invocation.keyword("transform") == "log"
    var order: ARIMAOrder?
    if let values = try invocation.integers("order") {
      guard values.count == 3, values.allSatisfy({ $0 >= 0 }), values[0] <= 50, values[2] <= 50, values[1] <= 3 else {
        throw invocation.optionError("order", "order=(p,d,q) needs p and q between 0 and 50 and d between 0 and 3",
          hint: "e.g. order=(1,1,1)")
      }
      var seasonal = (0, 0, 0)
      var seasonalPeriod = period
      if let s = try invocation.integers("seasonal") {
        guard s.count >= 3, s.prefix(3).allSatisfy({ $0 >= 0 }), s[0] <= 10, s[2] <= 10, s[1] <= 2 else {
          throw invocation.optionError("seasonal", "seasonal=(P,D,Q) needs P and Q between 0 and 10 and D between 0 and 2")
        }
        seasonal = (s[0], s[1], s[2])
        if s.count == 4 { seasonalPeriod = s[3] }
        if s[0] + s[1] + s[2] > 0 && seasonalPeriod < 2 {
          throw invocation.optionError("seasonal", "a seasonal part needs a seasonal period of at least 2, and this series has none",
            hint: "give it as seasonal=(P,D,Q,s) or with period=")
        }
      }
      let candidate = ARIMAOrder(p: values[0], d: values[1], q: values[2], seasonalP: seasonal.0, seasonalD: seasonal.1, seasonalQ: seasonal.2, period: seasonalPeriod)
      guard max(candidate.fullARDegree, candidate.fullMADegree + 1) <= 400 else {
        throw invocation.optionError(invocation.isGiven("seasonal") ? "seasonal" : "order",
          "\(candidate) has lags up to \(max(candidate.fullARDegree, candidate.fullMADegree)), too many to estimate",
          hint: "use a smaller seasonal order, or model long seasons with fit trend (Fourier terms)")
      }
      if candidate.hasSeasonalPart && candidate.period >= seriesLength {
        throw invocation.optionError("seasonal", "the seasonal period \(candidate.period) is not shorter than the series (\(seriesLength) observations)",
          hint: "leave out seasonal=, or use a shorter period")
      }
      order = candidate
    } else if invocation.isGiven("seasonal") {
      throw invocation.optionError("seasonal", "seasonal= needs order= as well (without order= the search chooses both)",
        hint: "add order=(p,d,q), or leave out seasonal= for the automatic search")
    }
    var search = AutoARIMA.Options()
    search.criterion = try invocation.keyword("ic").flatMap(AutoARIMA.Options.Criterion.init(rawValue:)) ?? .aicc
    search.stepwise = try invocation.boolean("stepwise") ?? true
    search.approximation = try invocation.boolean("approximation")
    search.seasonalTest = try invocation.keyword("seasonal_test") == "ocsb" ? .ocsb : .seasonalStrength
    search.stationary = try invocation.boolean("stationary") ?? false
    search.parallelism = invocation.context.parallelism
    func bounded(_ name: String, _ range: ClosedRange<Int>) throws -> Int? {
      guard let value = try invocation.integer(name) else { return nil }
      guard range.contains(value) else {
        throw invocation.optionError(name, "\(name) must be between \(range.lowerBound) and \(range.upperBound), not \(value)")
      }
      return value
    }
    search.d = try bounded("d", 0...3)
    search.seasonalD = try bounded("D", 0...2)
    search.maxP = try bounded("max_p", 0...20) ?? 5
    search.maxQ = try bounded("max_q", 0...20) ?? 5
    search.maxSeasonalP = try bounded("max_P", 0...5) ?? 2
    search.maxSeasonalQ = try bounded("max_Q", 0...5) ?? 2
    search.maxOrder = try bounded("max_order", 0...30) ?? 5
    search.maxD = try bounded("max_d", 0...3) ?? 2
    search.maxSeasonalD = try bounded("max_D", 0...2) ?? 1
    search.maxModels = try bounded("nmodels", 1...10_000) ?? 94
    if order == nil && period > 1 && period >= seriesLength && invocation.isGiven("period") {
      throw invocation.optionError("period", "the seasonal period \(period) is not shorter than the series (\(seriesLength) observations)",
        hint: "give a shorter period=, or period=1 for a non-seasonal search")
    }
    var fourier: FourierTerms?
    if let pairs = try invocation.integer("fourier") {
      guard period >= 2 else {
        throw invocation.optionError("fourier", "fourier= needs a seasonal period of at least 2, and this series has none",
          hint: "give the period with period=")
      }
      guard pairs >= 1, 2 * pairs <= period else {
        throw invocation.optionError("fourier", "fourier=\(pairs) needs between 1 and \(period / 2) pairs for a period of \(period)",
          hint: "use fourier=1 to fourier=\(period / 2): each pair adds a sine and a cosine of the season")
      }
      if let order, order.hasSeasonalPart, order.period == period {
        throw invocation.optionError("fourier", "fourier= and a seasonal ARIMA part both model the season of period \(period)",
          hint: "leave out seasonal=, or fourier=")
      }
      fourier = FourierTerms(pairs: pairs, period: period)
    }
    return ArimaSpecification(order: order, trend: trend, logTransform: logTransform, search: search, fourier: fourier)
  }
}
