using Planering.Bench.Scale;

namespace Planering.Bench.Tests;

public sealed class SyntheticRegisterTests
{
    [Fact]
    public void The_full_register_is_valid_unique_and_clear_of_the_seed()
    {
        // The full benchmark registers 100,000 only after minutes of setup; a profile the domain refuses must fail here first.
        var register = SyntheticRegister.Huvudman(BenchOptions.FullHuvudman).ToList();

        Assert.Equal(BenchOptions.FullHuvudman, register.Select(h => h.OrganisationNumber.Value).Distinct(StringComparer.Ordinal).Count());
        Assert.All(register, h => Assert.True(h.Position.IsInSweden && h.Synthetic));
        Assert.DoesNotContain(register, h => h.OrganisationNumber.Value.StartsWith("559", StringComparison.Ordinal) || h.OrganisationNumber.Value.StartsWith("212", StringComparison.Ordinal));
    }
}
