using System.CommandLine;
using Planering.Cli.Errors;
using Planering.Cli.Hosting;
using Planering.Cli.Input;
using Planering.Contracts.V1;

namespace Planering.Cli.Commands;

/// <summary>What a slot search takes, shared by <c>next-slot</c> and <c>book --next</c> so both ask the same question.</summary>
public sealed class SlotSearchOptions
{
    public const int MaxHorizonDays = 730;

    public Option<string?> From { get; } = new("--from") { Description = "Earliest date, YYYY-MM-DD (default: today)", HelpName = "DATE" };

    public Option<string?> Mode { get; } = new("--mode") { Description = $"Dialogue mode: {Values.ModeHelp} (search default: any; a named slot: digital or on-site)", HelpName = "MODE" };

    public Option<string?> Office { get; } = new("--office") { Description = "The office (search default: the one the live plan assigns the huvudman to)", HelpName = "OFFICE_ID" };

    public Option<int> Horizon { get; } = new("--horizon") { Description = $"Days to search ahead, 1–{MaxHorizonDays} (default: 365)", HelpName = "DAYS" };

    public Option<bool> Spsm { get; } = new("--spsm") { Description = "SPSM takes part in the dialogue" };

    public SlotSearchOptions() => Mode.AcceptOnlyFromAmong(StringComparer.OrdinalIgnoreCase, Values.ModeNames);

    public void AddTo(Command command)
    {
        command.Add(From);
        command.Add(Mode);
        command.Add(Office);
        command.Add(Horizon);
        command.Add(Spsm);
    }

    public FindNextSlotRequest Request(Invocation run, string huvudmanId)
    {
        var horizon = run.Value(Horizon);
        if (run.Given(Horizon) && horizon is < 1 or > MaxHorizonDays)
        {
            throw new InputException("--horizon", $"must be between 1 and {MaxHorizonDays} days");
        }

        var mode = Values.Mode(run.Value(Mode));
        return new FindNextSlotRequest
        {
            HuvudmanId = huvudmanId,
            EarliestDate = Values.Date(run.Value(From), "--from") ?? string.Empty,
            Mode = mode == DialogueMode.Unspecified ? DialogueMode.Any : mode,
            OfficeId = run.Value(Office) ?? string.Empty,
            HorizonDays = horizon,
            SpsmParticipation = run.Value(Spsm),
        };
    }
}
