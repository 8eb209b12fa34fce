using Deque.AxeCore.Commons;
using Deque.AxeCore.Playwright;
using Microsoft.Playwright;

namespace Planering.Web.Tests;

/// <summary>An axe-core scan of the page as it stands, against WCAG 2.1 A and AA (what Swedish public-sector sites must meet).</summary>
public static class Accessibility
{
    public static async Task AssertNoViolationsAsync(IPage page)
    {
        var result = await page.RunAxe(new AxeRunOptions
        {
            RunOnly = new RunOnlyOptions { Type = "tag", Values = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] },
        });
        Assert.True(result.Violations.Length == 0, string.Join("\n", result.Violations.Select(v =>
            $"{v.Id}: {v.Help} ({v.Nodes.Length}: {string.Join(" | ", v.Nodes.Take(3).Select(n => n.Html))})")));
    }
}
