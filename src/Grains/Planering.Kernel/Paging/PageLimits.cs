namespace Planering.Domain.Paging;

/// <summary>The bounds of every paged listing (huvudmän, dialogues): one definition for the API and the grains.</summary>
public static class PageLimits
{
    /// <summary>A page when the caller names no size: a screenful of rows.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page: large enough for an export in a few calls, small enough for one grain message.</summary>
    public const int MaxPageSize = 1000;

    /// <summary>
    /// The longest page token any listing issues, with room to spare (a dialogue cursor: a date, a time and a dialogue
    /// id; a huvudman cursor is shorter). A longer one cannot be ours and is refused before it is parsed.
    /// </summary>
    public const int MaxPageTokenLength = 300;
}
