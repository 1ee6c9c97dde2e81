package jp.juchu.shop.files.internal;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import jp.juchu.shop.files.ShopFiles;
import org.apache.ftpserver.ftplet.FileSystemFactory;
import org.apache.ftpserver.ftplet.FileSystemView;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpFile;
import org.apache.ftpserver.ftplet.User;

/**
 * The native file system with the shop's quota on every upload: the stream a STOR, APPE or STOU writes to
 * fails once the shop's area would hold more than the quota, and takes back what it wrote (the new file is
 * deleted, an appended one cut back to its old length). {@link QuotaReplies} turns that failure into 552.
 */
final class QuotaFileSystem implements FileSystemFactory {

    private final FileSystemFactory nativeFileSystem;
    private final ShopFiles files;

    QuotaFileSystem(FileSystemFactory nativeFileSystem, ShopFiles files) {
        this.nativeFileSystem = nativeFileSystem;
        this.files = files;
    }

    @Override
    public FileSystemView createFileSystemView(User user) throws FtpException {
        // account names are "{shopId}-{suffix}" and shop IDs have no '-'
        String shopId = user.getName().substring(0, user.getName().indexOf('-'));
        return new View(nativeFileSystem.createFileSystemView(user), shopId);
    }

    /** One session's view; remembers whether its last upload ran over the quota. */
    final class View implements FileSystemView {

        private final FileSystemView delegate;
        private final String shopId;
        private volatile boolean quotaExceeded;

        View(FileSystemView delegate, String shopId) {
            this.delegate = delegate;
            this.shopId = shopId;
        }

        /** Whether an upload ran over the quota since the last call. */
        boolean takeQuotaExceeded() {
            boolean exceeded = quotaExceeded;
            quotaExceeded = false;
            return exceeded;
        }

        @Override
        public FtpFile getFile(String name) throws FtpException {
            return new QuotaFile(delegate.getFile(name), this);
        }

        @Override
        public FtpFile getHomeDirectory() throws FtpException {
            return delegate.getHomeDirectory();
        }

        @Override
        public FtpFile getWorkingDirectory() throws FtpException {
            return delegate.getWorkingDirectory();
        }

        @Override
        public boolean changeWorkingDirectory(String dir) throws FtpException {
            return delegate.changeWorkingDirectory(dir);
        }

        @Override
        public boolean isRandomAccessible() throws FtpException {
            return delegate.isRandomAccessible();
        }

        @Override
        public void dispose() {
            delegate.dispose();
        }

        OutputStream bounded(FtpFile file, long offset) throws IOException {
            Path path = ((java.io.File) file.getPhysicalFile()).toPath();
            long replaced = offset == 0 && Files.isRegularFile(path) ? Files.size(path) : 0;
            long remaining = files.quota() - (files.usage(shopId) - replaced);
            OutputStream out = file.createOutputStream(offset);
            return new Bounded(out, remaining, path, offset);
        }

        private final class Bounded extends FilterOutputStream {
            private final Path path;
            private final long offset;
            private long remaining;

            Bounded(OutputStream out, long remaining, Path path, long offset) {
                super(out);
                this.remaining = remaining;
                this.path = path;
                this.offset = offset;
            }

            @Override
            public void write(int b) throws IOException {
                take(1);
                out.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                take(len);
                out.write(b, off, len);
            }

            private void take(int bytes) throws IOException {
                remaining -= bytes;
                if (remaining < 0) {
                    quotaExceeded = true;
                    out.close();
                    takeBack();
                    throw new IOException("The shop's file quota is exceeded");
                }
            }

            private void takeBack() throws IOException {
                if (offset == 0) {
                    Files.deleteIfExists(path);
                } else {
                    try (RandomAccessFile file = new RandomAccessFile(path.toFile(), "rw")) {
                        file.setLength(offset);
                    }
                }
            }
        }
    }

    /** A file whose output stream is bounded by the quota; everything else is the native file's. */
    private record QuotaFile(FtpFile file, View view) implements FtpFile {

        @Override
        public OutputStream createOutputStream(long offset) throws IOException {
            return view.bounded(file, offset);
        }

        @Override
        public java.io.InputStream createInputStream(long offset) throws IOException {
            return file.createInputStream(offset);
        }

        @Override
        public String getAbsolutePath() {
            return file.getAbsolutePath();
        }

        @Override
        public String getName() {
            return file.getName();
        }

        @Override
        public boolean isHidden() {
            return file.isHidden();
        }

        @Override
        public boolean isDirectory() {
            return file.isDirectory();
        }

        @Override
        public boolean isFile() {
            return file.isFile();
        }

        @Override
        public boolean doesExist() {
            return file.doesExist();
        }

        @Override
        public boolean isReadable() {
            return file.isReadable();
        }

        @Override
        public boolean isWritable() {
            return file.isWritable();
        }

        @Override
        public boolean isRemovable() {
            return file.isRemovable();
        }

        @Override
        public String getOwnerName() {
            return file.getOwnerName();
        }

        @Override
        public String getGroupName() {
            return file.getGroupName();
        }

        @Override
        public int getLinkCount() {
            return file.getLinkCount();
        }

        @Override
        public long getLastModified() {
            return file.getLastModified();
        }

        @Override
        public boolean setLastModified(long time) {
            return file.setLastModified(time);
        }

        @Override
        public long getSize() {
            return file.getSize();
        }

        @Override
        public Object getPhysicalFile() {
            return file.getPhysicalFile();
        }

        @Override
        public boolean mkdir() {
            return file.mkdir();
        }

        @Override
        public boolean delete() {
            return file.delete();
        }

        @Override
        public boolean move(FtpFile destination) {
            return file.move(destination instanceof QuotaFile q ? q.file() : destination);
        }

        @Override
        public List<? extends FtpFile> listFiles() {
            return file.listFiles();
        }
    }
}
