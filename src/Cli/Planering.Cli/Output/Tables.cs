using Spectre.Console;
using Spectre.Console.Rendering;

namespace Planering.Cli.Output;

/// <summary>Tables whose cells are plain text: names such as "Ekerö" or "[Friskolan]" are shown, never read as markup.</summary>
public static class Tables
{
    public static Table Create(params string[] headers)
    {
        var table = new Table().Border(TableBorder.Rounded);
        foreach (var header in headers)
        {
            table.AddColumn(new TableColumn(new Text(header)));
        }

        return table;
    }

    /// <summary>A table whose columns from <paramref name="firstNumeric"/> on are right-aligned figures.</summary>
    public static Table Create(int firstNumeric, params string[] headers)
    {
        var table = Create(headers);
        for (var i = firstNumeric; i < table.Columns.Count; i++)
        {
            table.Columns[i].Alignment = Justify.Right;
        }

        return table;
    }

    public static Table Row(this Table table, params string[] cells)
    {
        table.AddRow(cells.Select(c => (IRenderable)new Text(c)).ToArray());
        return table;
    }

    /// <summary>A heading line above a table, plain text.</summary>
    public static void Heading(this IAnsiConsole console, string text) => console.Write(new Text(text + "\n", new Style(decoration: Decoration.Bold)));

    public static void Line(this IAnsiConsole console, string text) => console.Write(new Text(text + "\n"));
}
