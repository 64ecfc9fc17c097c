namespace KennisSite.Tests.Reliability;

/// <summary>
/// Tests that need the process or the machine to themselves: the determinism tests change the current culture and
/// working directory of the whole test process, and the interrupted-build tests time their kills against a measured
/// build. xunit runs this collection after all others, one test at a time.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SerialReliabilityCollection
{
    public const string Name = "Reliability (alone)";
}
