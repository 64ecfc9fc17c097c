namespace KennisSite.Output;

/// <summary>
/// A file of a one-off build as it is made: written into the staging folder and deflated for the offline zip in the
/// same pass. A page is kept whole only as long as it is small enough for libdeflate (<see cref="DeflatedContent.Deflater"/>);
/// the catalogue of a site of 20,000 cards, 66 MB of HTML, is deflated as it comes and never whole in memory. What the
/// disk refuses is kept for <see cref="SiteWriter.Finish"/> to report; the file is deflated all the same.
/// </summary>
internal sealed class StagedFile : Stream
{
    private readonly string _path;
    private readonly SiteWriter _writer;
    private readonly DeflatedContent.Deflater _deflater;
    private FileStream? _file;

    internal StagedFile(string path, SiteWriter writer, FileStream? file)
    {
        _path = path;
        _writer = writer;
        _file = file;
        _deflater = new DeflatedContent.Deflater(writer.Spill);
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        WriteToDisk(buffer);
        _deflater.Write(buffer);
    }

    /// <summary>Writes a part of the file that was deflated where it was made (the search index), and lets go of it.</summary>
    public void Write(DeflatedContent.Part part)
    {
        WriteToDisk(part.Content);
        _deflater.Append(part);
        part.Dispose();
    }

    private void WriteToDisk(ReadOnlySpan<byte> buffer)
    {
        if (_file is not null)
        {
            try
            {
                _file.Write(buffer);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                StopWriting(e);
            }
        }
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>The file as the build keeps it (deflated); counted as written when all of it reached the disk.</summary>
    public OutputFile Finish()
    {
        var written = _file is not null;
        if (_file is not null)
        {
            try
            {
                _writer.Close(_file);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                _writer.Fail(e);
                written = false;
            }
            _file = null;
        }
        var file = OutputFile.KeptDeflated(_path, _deflater.Finish());
        if (written) _writer.Written(file);
        return file;
    }

    private void StopWriting(Exception e)
    {
        _writer.Fail(e);
        try
        {
            _file!.Dispose(); // flushes what it still holds, which the disk will most likely refuse too
        }
        catch (Exception again) when (again is IOException or UnauthorizedAccessException)
        {
        }
        _file = null;
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _file?.Dispose();
            _deflater.Dispose();
        }
        base.Dispose(disposing);
    }

    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}
