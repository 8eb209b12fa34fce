using Planering.Domain.Registry;

namespace Planering.Domain.Tests.Registry;

public sealed class OrganisationNumberTests
{
    [Theory]
    [InlineData("2120000142")] // Stockholms kommun
    [InlineData("212000-0142")]
    [InlineData("2021004912")] // a state agency's number shape
    public void Accepts_numbers_with_a_correct_check_digit(string text)
    {
        Assert.True(OrganisationNumber.TryParse(text, out var number, out var error), error);
        Assert.Equal(10, number.Value.Length);
        Assert.DoesNotContain('-', number.Value);
    }

    [Theory]
    [InlineData("2120000143", "check digit")]
    [InlineData("212000014", "10 digits")]
    [InlineData("21200001421", "10 digits")]
    [InlineData("21200O0142", "10 digits")]
    [InlineData("21-2000-0142", "10 digits")]
    [InlineData("", "required")]
    [InlineData(null, "required")]
    public void Refuses_malformed_numbers_saying_why(string? text, string reason)
    {
        Assert.False(OrganisationNumber.TryParse(text, out _, out var error));
        Assert.Contains(reason, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_digit_is_the_Luhn_digit_over_nine_digits()
    {
        Assert.Equal(2, OrganisationNumber.CheckDigit("212000014"));
        Assert.Equal("5560160680", OrganisationNumber.FromNineDigits("556016068").Value); // Telefonaktiebolaget LM Ericsson
    }

    [Fact]
    public void Every_single_digit_change_is_detected()
    {
        const string valid = "2120000142";
        for (var position = 0; position < 10; position++)
        {
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (valid[position] == digit)
                {
                    continue;
                }

                var changed = valid[..position] + digit + valid[(position + 1)..];
                Assert.False(OrganisationNumber.TryParse(changed, out _, out _), changed);
            }
        }
    }
}
