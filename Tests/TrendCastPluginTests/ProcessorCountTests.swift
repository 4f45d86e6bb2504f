import Testing

@testable import TrendCastPlugin

@Suite struct ProcessorCountTests {
  @Test func theAffinityMaskIsCounted() {
    #expect(ProcessorCount.allowedCount(status: "Name:\tx\nCpus_allowed:\t3\nCpus_allowed_list:\t0-1\n") == 2)
    #expect(ProcessorCount.allowedCount(status: "Cpus_allowed:\tffffffff,00000001\n") == 33)
    #expect(ProcessorCount.allowedCount(status: "Cpus_allowed:\t4\n") == 1)
    #expect(ProcessorCount.allowedCount(status: "Name:\tx\n") == nil)
    #expect(ProcessorCount.allowedCount(status: "Cpus_allowed:\tzz\n") == nil)
    #expect(ProcessorCount.available >= 1)
  }
}
