import Foundation

/// Where `save` writes a file's bytes as they are made, so that a large export (millions of
/// rules) never holds the whole file, let alone one string per field, in memory. Bytes are
/// gathered in a buffer handed to `flush` a megabyte at a time; `finish()` hands over the rest.
/// Between chunks the stream asks `isCancelled`, so that Ctrl-C stops a long save.
public final class ByteStream {
  private var buffer: [UInt8] = []
  private let flush: ([UInt8]) throws -> Void
  private let isCancelled: () -> Bool
  private static let chunk = 1 << 20

  public init(isCancelled: @escaping () -> Bool = { false }, flush: @escaping ([UInt8]) throws -> Void) {
    self.flush = flush
    self.isCancelled = isCancelled
    buffer.reserveCapacity(Self.chunk + 4096)
  }

  /// A stream that collects everything, for `text`.
  public convenience init() {
    self.init(flush: { _ in })
    collecting = true
  }

  private var collecting = false

  /// Everything written so far (only for a collecting stream).
  public var text: String { String(decoding: buffer, as: UTF8.self) }

  public func append(_ string: String) {
    var string = string
    string.withUTF8 { buffer.append(contentsOf: $0) }
  }

  public func append(byte: UInt8) { buffer.append(byte) }

  public func append<Bytes: Collection>(contentsOf bytes: Bytes) where Bytes.Element == UInt8 { buffer.append(contentsOf: bytes) }

  /// Passes full chunks on; call after each record. Throws `CancellationError` once cancelled.
  public func flushIfFull() throws {
    guard buffer.count >= Self.chunk else { return }
    if isCancelled() { throw CancellationError() }
    guard !collecting else { return }
    try flush(buffer)
    buffer.removeAll(keepingCapacity: true)
  }

  /// Passes the rest on.
  public func finish() throws {
    guard !collecting, !buffer.isEmpty else { return }
    try flush(buffer)
    buffer.removeAll(keepingCapacity: true)
  }
}

extension ByteStream {
  /// One CSV field (after a comma unless `first`), quoted as `CSVDocument.quoted` quotes.
  public func appendCSVField(_ field: UnsafeBufferPointer<UInt8>, first: Bool) {
    if !first { append(byte: 0x2C) }
    let needsQuotes = field.first == 0x20 || field.last == 0x20
      || field.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
    guard needsQuotes else {
      append(contentsOf: field)
      return
    }
    append(byte: 0x22)
    for byte in field {
      if byte == 0x22 { append(byte: 0x22) }
      append(byte: byte)
    }
    append(byte: 0x22)
  }

  public func appendCSVField(_ field: String, first: Bool) {
    var field = field
    field.withUTF8 { appendCSVField($0, first: first) }
  }
}
