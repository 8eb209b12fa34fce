using Microsoft.JSInterop;

namespace Planering.Web.Export;

/// <summary>Hands a file made in the circuit to the browser as a download (App.razor's planeringDownload).</summary>
public static class Download
{
    public static async Task FileAsync(IJSRuntime js, string fileName, string contentType, byte[] content)
    {
        ArgumentNullException.ThrowIfNull(js);
        using var stream = new MemoryStream(content);
        using var reference = new DotNetStreamReference(stream);
        await js.InvokeVoidAsync("planeringDownload", fileName, contentType, reference);
    }
}
