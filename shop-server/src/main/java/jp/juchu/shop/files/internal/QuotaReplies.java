package jp.juchu.shop.files.internal;

import java.io.IOException;
import org.apache.ftpserver.command.Command;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.impl.FtpIoSession;
import org.apache.ftpserver.impl.FtpServerContext;
import org.apache.mina.core.future.WriteFuture;

/**
 * An upload command (STOR, APPE, STOU) whose failure reply says 552 when the upload ran over the shop's
 * quota ({@link QuotaFileSystem}); the library's command answers any failed write with 551.
 */
final class QuotaReplies implements Command {

    static final int EXCEEDED_STORAGE = FtpReply.REPLY_552_REQUESTED_FILE_ACTION_ABORTED_EXCEEDED_STORAGE;

    private final Command upload;

    QuotaReplies(Command upload) {
        this.upload = upload;
    }

    @Override
    public void execute(FtpIoSession session, FtpServerContext context, FtpRequest request)
            throws IOException, FtpException {
        upload.execute(
                new FtpIoSession(session, context) {
                    @Override
                    public WriteFuture write(Object message) {
                        if (message instanceof FtpReply reply
                                && reply.getCode() >= 400
                                && getFileSystemView() instanceof QuotaFileSystem.View view
                                && view.takeQuotaExceeded()) {
                            return super.write(new DefaultFtpReply(
                                    EXCEEDED_STORAGE, "Quota exceeded: the shop's file area is full."));
                        }
                        return super.write(message);
                    }
                },
                context,
                request);
    }
}
