package dev.riskplatform.io;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.apache.parquet.io.DelegatingSeekableInputStream;
import org.apache.parquet.io.InputFile;
import org.apache.parquet.io.SeekableInputStream;

/** A Parquet {@link InputFile} over a byte array (see {@link InMemoryOutputFile} for why). */
final class InMemoryInputFile implements InputFile {

    private final byte[] data;

    InMemoryInputFile(byte[] data) {
        this.data = data;
    }

    @Override
    public long getLength() {
        return data.length;
    }

    @Override
    public SeekableInputStream newStream() {
        return new Stream(data);
    }

    /** ByteArrayInputStream keeps its position in protected fields: seeking is a reset plus skip. */
    private static final class Stream extends DelegatingSeekableInputStream {
        private final Seekable in;

        Stream(byte[] data) {
            this(new Seekable(data));
        }

        private Stream(Seekable in) {
            super(in);
            this.in = in;
        }

        @Override
        public long getPos() {
            return in.position();
        }

        @Override
        public void seek(long newPos) throws IOException {
            if (newPos < 0 || newPos > in.length()) throw new IOException("seek to " + newPos + " outside 0.." + in.length());
            in.seek((int) newPos);
        }
    }

    private static final class Seekable extends ByteArrayInputStream {
        Seekable(byte[] data) {
            super(data);
        }

        int position() {
            return pos;
        }

        int length() {
            return count;
        }

        void seek(int p) {
            pos = p;
        }
    }
}
