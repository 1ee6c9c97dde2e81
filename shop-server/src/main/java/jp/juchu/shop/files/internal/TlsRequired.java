package jp.juchu.shop.files.internal;

import java.io.IOException;
import org.apache.ftpserver.ftplet.DefaultFtpReply;
import org.apache.ftpserver.ftplet.DefaultFtplet;
import org.apache.ftpserver.ftplet.FtpException;
import org.apache.ftpserver.ftplet.FtpReply;
import org.apache.ftpserver.ftplet.FtpRequest;
import org.apache.ftpserver.ftplet.FtpSession;
import org.apache.ftpserver.ftplet.FtpletResult;

/** With {@code shop.files.ftp.require-tls}: USER and PASS before {@code AUTH TLS} are refused (530, RFC 4217). */
final class TlsRequired extends DefaultFtplet {

    @Override
    public FtpletResult beforeCommand(FtpSession session, FtpRequest request) throws FtpException, IOException {
        String command = request.getCommand().toUpperCase(java.util.Locale.ROOT);
        if (!session.isSecure() && (command.equals("USER") || command.equals("PASS"))) {
            session.write(new DefaultFtpReply(
                    FtpReply.REPLY_530_NOT_LOGGED_IN, "This server requires explicit FTPS: send AUTH TLS first."));
            return FtpletResult.SKIP;
        }
        return super.beforeCommand(session, request);
    }
}
