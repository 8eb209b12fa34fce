using System.CommandLine;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Cli.Output;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary><c>planering huvudman list|show</c>: the registry's huvudmän (RegistryService.ListHuvudman, GetHuvudman).</summary>
public static class HuvudmanCommands
{
    public static Command Create(CommandRunner runner) =>
        new("huvudman", "School organisers (huvudmän) in the registry") { List(runner), Show(runner) };

    private static Command List(CommandRunner runner)
    {
        var lan = new Option<string?>("--lan") { Description = "Only this län (two-digit code, e.g. 25 for Norrbotten)", HelpName = "LANSKOD" };
        var kommun = new Option<string?>("--kommun") { Description = "Only this kommun (four-digit code, e.g. 2480 for Umeå)", HelpName = "KOMMUNKOD" };
        var office = new Option<string?>("--office") { Description = "Only those the live plan assigns to this office", HelpName = "OFFICE_ID" };
        var type = new Option<string?>("--type") { Description = "Only this type: kommun, enskild, region or stat", HelpName = "TYPE" };
        type.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Values.TypeNames);
        var paging = new Paging("huvudmän");
        var command = new Command("list", "List huvudmän, filtered and paged") { lan, kommun, office, type };
        paging.AddTo(command);

        runner.Handle(command, async (run, cancellationToken) =>
        {
            var request = new ListHuvudmanRequest
            {
                Lanskod = run.Value(lan) is { } l ? Values.TwoDigits(l, "--lan") : string.Empty,
                Kommunkod = run.Value(kommun) is { } k ? Values.FourDigits(k, "--kommun") : string.Empty,
                OfficeId = run.Value(office) ?? string.Empty,
                Type = Values.TryHuvudmanType(run.Value(type), out var t) ? t : HuvudmanType.Unspecified,
            };
            var (pageSize, pageToken, all) = paging.Read(run);

            var response = new ListHuvudmanResponse();
            request.PageToken = pageToken;
            request.PageSize = pageSize;
            do
            {
                var page = await run.Server.Registry.ListHuvudmanAsync(request, cancellationToken: cancellationToken);
                response.Huvudman.AddRange(page.Huvudman);
                response.TotalSize = page.TotalSize;
                response.NextPageToken = page.NextPageToken;
                request.PageToken = page.NextPageToken;
            }
            while (all && request.PageToken.Length > 0);

            if (run.Json)
            {
                run.WriteJson(response);
                return 0;
            }

            var table = Tables.Create(6, "organisation number", "name", "type", "kommun", "län", "office", "pupils");
            foreach (var h in response.Huvudman)
            {
                table.Row(h.OrganisationNumber, h.Name + (h.Synthetic ? " *" : ""), Formats.Type(h.Type), $"{h.Kommun} ({h.Kommunkod})", h.Lan, Formats.OrDash(h.OfficeId), Formats.Count(h.Pupils));
            }

            run.Console.Write(table);
            run.Console.Line($"{Formats.Count(response.Huvudman.Count)} of {Formats.Count(response.TotalSize)} huvudmän" +
                (response.Huvudman.Any(h => h.Synthetic) ? "; * synthetic (generated until the real register is imported)" : ""));
            Paging.NextPageHint(run, response.NextPageToken);
            return 0;
        });
        return command;
    }

    private static Command Show(CommandRunner runner)
    {
        var number = new Argument<string>("ORGNR") { Description = "Organisation number, NNNNNNNNNN or NNNNNN-NNNN" };
        var command = new Command("show", "Show one huvudman") { number };
        runner.Handle(command, async (run, cancellationToken) =>
        {
            var id = OrganisationNumbers.Normalise(run.Value(number), "ORGNR");
            var h = await run.Server.Registry.GetHuvudmanAsync(new GetHuvudmanRequest { OrganisationNumber = id }, cancellationToken: cancellationToken);
            if (run.Json)
            {
                run.WriteJson(h);
                return 0;
            }

            var grid = Tables.Create("field", "value")
                .Row("organisation number", h.OrganisationNumber)
                .Row("name", h.Name)
                .Row("type", Formats.Type(h.Type))
                .Row("kommun", $"{h.Kommun} ({h.Kommunkod}), {Formats.Count(h.KommunPopulation)} residents")
                .Row("län", $"{h.Lan} ({h.Lanskod})")
                .Row("position", h.Position is null ? "-" : $"{Formats.Number(h.Position.Latitude, 4)} N, {Formats.Number(h.Position.Longitude, 4)} E")
                .Row("pupils", Formats.Count(h.Pupils))
                .Row("office", Formats.OrDash(h.OfficeId))
                .Row("synthetic", h.Synthetic ? "yes (generated until the real register is imported)" : "no")
                .Row("updated", Formats.Instant(h.UpdatedAt));
            run.Console.Write(grid);
            return 0;
        });
        return command;
    }
}
