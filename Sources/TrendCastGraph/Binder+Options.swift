import TrendCastPlugin
import TrendCastSyntax
import TrendCastValues

extension Binder {
  /// Checks an option's value against its declared type.
  mutating func bindOption(_ value: ArgumentValue, type: OptionType, option: String, signature: CommandSignature) -> BoundOptionValue? {
    func mismatch(_ expected: String) -> BoundOptionValue? {
      error("option '\(option)' of \(signature.name) needs \(expected)", at: value.range, help: exampleHint(type, option: option))
      return nil
    }
    // A bare word names a value in the graph unless the type reads it as a keyword or column.
    if case .word(let identifier) = value {
      switch type {
      case .keyword(let allowed), .keywordOrString(let allowed):
        if allowed.contains(identifier.name) { return .literal(.keyword(identifier.name)) }
        if knownNames.contains(identifier.name) { return .reference(identifier, type) }
        error("'\(identifier.name)' is not a value of option '\(option)'", at: identifier.range,
          help: Suggestions.didYouMean(identifier.name, among: allowed) ?? "allowed: \(allowed.joined(separator: ", "))")
        return nil
      case .boolean:
        if identifier.name == "true" || identifier.name == "false" { return .literal(.boolean(identifier.name == "true")) }
        if knownNames.contains(identifier.name) { return .reference(identifier, type) }
        return mismatch("true or false")
      case .column:
        return .literal(.string(identifier.name))
      case .list(let element):
        if case .column = element { return .list([.literal(.string(identifier.name))]) }
        if !element.keywords.isEmpty, element.keywords.contains(identifier.name) { return .list([.literal(.keyword(identifier.name))]) }
        return .reference(identifier, type)
      default:
        return .reference(identifier, type)
      }
    }
    switch type {
    case .number:
      if case .number(let number, let isPercent, _) = value { return .literal(.number(number, isPercent: isPercent)) }
      return mismatch("a number")
    case .integer:
      if case .number(let number, let isPercent, _) = value {
        guard !isPercent, number == number.rounded(), abs(number) < 1e15 else { return mismatch("a whole number") }
        return .literal(.integer(Int(number)))
      }
      return mismatch("a whole number")
    case .string:
      if case .string(let text, _) = value { return .literal(.string(text)) }
      return mismatch("text in quotes")
    case .boolean:
      return mismatch("true or false")
    case .keyword(let allowed):
      if case .string(let text, _) = value, allowed.contains(text) { return .literal(.keyword(text)) }
      return mismatch("one of: \(allowed.joined(separator: ", "))")
    case .keywordOrString:
      if case .string(let text, _) = value { return .literal(.string(text)) }
      return mismatch("a keyword or text in quotes")
    case .column:
      if case .string(let text, _) = value { return .literal(.string(text)) }
      return mismatch("a column name")
    case .tuple(let element, let counts):
      let items: [ArgumentValue]
      switch value {
      case .tuple(let elements, _), .list(let elements, _): items = elements
      default: return mismatch("a tuple such as \(type.placeholder)")
      }
      guard counts.contains(items.count) else {
        let expected = counts.lowerBound == counts.upperBound ? "\(counts.lowerBound)" : "\(counts.lowerBound) to \(counts.upperBound)"
        error("option '\(option)' of \(signature.name) needs \(expected) values, not \(items.count)", at: value.range, help: exampleHint(type, option: option))
        return nil
      }
      var bound: [BoundOptionValue] = []
      for item in items {
        guard let element = bindOption(item, type: element, option: option, signature: signature) else { return nil }
        bound.append(element)
      }
      return .tuple(bound)
    case .list(let element):
      let items: [ArgumentValue]
      switch value {
      case .tuple(let elements, _), .list(let elements, _): items = elements
      default: items = [value]
      }
      var bound: [BoundOptionValue] = []
      for item in items {
        guard let element = bindOption(item, type: element, option: option, signature: signature) else { return nil }
        bound.append(element)
      }
      return .list(bound)
    case .reference:
      switch value {
      case .member(let base, let column):
        return .member(.member(.reference(base), column))
      case .number(let number, let isPercent, _):
        return .literal(.value(NumberValue(number, isPercent: isPercent)))
      case .string(let text, _):
        return .literal(.value(TextValue(text)))
      case .list(let elements, _), .tuple(let elements, _):
        var bound: [BoundOptionValue] = []
        for item in elements {
          guard let element = bindOption(item, type: type, option: option, signature: signature) else { return nil }
          bound.append(element)
        }
        return .list(bound)
      default:
        return mismatch("a name")
      }
    }
  }

  private func exampleHint(_ type: OptionType, option: String) -> String {
    "write it as \(option)=\(type.placeholder)"
  }
}
