package jp.juchu.oms.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.springframework.core.io.InputStreamSource;

/**
 * CSV files as Japanese merchants' tools write them: UTF-8 (with or without BOM) or Shift_JIS. Files are read as
 * streams, record by record, so a 50 MB upload never sits in memory whole; a file that is not CSV gets a Japanese
 * sentence with its line, never the parser's own text.
 */
public final class JapaneseCsv {

    /** Shift_JIS as Windows writes it (with NEC and IBM extensions: ①, ㈱, 髙 …). */
    public static final Charset WINDOWS_31J = Charset.forName("windows-31j");

    private JapaneseCsv() {}

    /**
     * Hands each record of the file to {@code action}, reading the file once to tell its charset (UTF-8 when its
     * bytes are valid UTF-8, otherwise Shift_JIS) and once for the records.
     *
     * @throws IllegalArgumentException when the text is not CSV, naming the line
     */
    public static void each(InputStreamSource file, Consumer<CSVRecord> action) {
        try (Reader reader = reader(file, charset(file));
                CSVParser parser = CSVFormat.DEFAULT.parse(reader)) {
            Iterator<CSVRecord> records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        return;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException notCsv) {
                    throw new IllegalArgumentException((parser.getRecordNumber() + 1) + "行目付近: CSVとして読めません。"
                            + "ダブルクォート (\") の閉じ忘れや、項目の途中の \" がないか確認してください");
                }
                action.accept(record);
            }
        } catch (IOException unreadable) {
            throw new IllegalArgumentException("ファイルを読み取れませんでした。もう一度お試しください");
        }
    }

    /**
     * A CSV printer as Japanese spreadsheets open it: UTF-8 with a byte order mark, or Shift_JIS (Windows-31J),
     * CRLF line ends. The caller flushes it.
     */
    public static CSVPrinter printer(OutputStream out, boolean utf8) throws IOException {
        if (utf8) {
            out.write(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        }
        Writer writer = new OutputStreamWriter(out, utf8 ? StandardCharsets.UTF_8 : WINDOWS_31J);
        return new CSVPrinter(
                writer, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").get());
    }

    /**
     * Text as a CSV cell a spreadsheet will not run as a formula: text starting with = + - @, a tab or a carriage
     * return gets a leading apostrophe.
     */
    public static String neutralised(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static Charset charset(InputStreamSource file) throws IOException {
        try (InputStream in = file.getInputStream();
                Reader utf8 = new InputStreamReader(
                        in,
                        StandardCharsets.UTF_8
                                .newDecoder()
                                .onMalformedInput(CodingErrorAction.REPORT)
                                .onUnmappableCharacter(CodingErrorAction.REPORT))) {
            char[] buffer = new char[8192];
            while (utf8.read(buffer) >= 0) {
                // only whether it decodes
            }
            return StandardCharsets.UTF_8;
        } catch (CharacterCodingException notUtf8) {
            return WINDOWS_31J;
        }
    }

    private static Reader reader(InputStreamSource file, Charset charset) throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(file.getInputStream(), charset), 65536);
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
