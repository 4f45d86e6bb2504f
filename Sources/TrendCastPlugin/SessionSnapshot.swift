import TrendCastValues

/// What the language's own commands (`vars`, `graph`, `help`, `plugins`) see of the session:
/// a snapshot taken just before they run.
public struct SessionSnapshot: Sendable {
  public struct Variable: Sendable {
    public var name: String
    public var kind: ValueKind?
    public var summary: String?
    /// "not run yet", "failed", or nil when the value is there.
    public var state: String?
    public init(name: String, kind: ValueKind?, summary: String?, state: String?) {
      self.name = name
      self.kind = kind
      self.summary = summary
      self.state = state
    }
  }

  public struct Node: Sendable {
    /// The bound name, or nil for a display statement.
    public var name: String?
    public var line: Int
    public var command: String
    public var reads: [String]
    public var kind: ValueKind?
    public init(name: String?, line: Int, command: String, reads: [String], kind: ValueKind?) {
      self.name = name
      self.line = line
      self.command = command
      self.reads = reads
      self.kind = kind
    }
  }

  public var registry: PluginRegistry
  public var variables: [Variable]
  public var nodes: [Node]

  public init(registry: PluginRegistry, variables: [Variable], nodes: [Node]) {
    self.registry = registry
    self.variables = variables
    self.nodes = nodes
  }
}
