package dev.gatehouse.platform.http;

import dev.gatehouse.platform.http.InFlightRequests.InFlight;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.Part;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.io.Writer;
import java.util.Collection;
import java.util.Enumeration;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Request and response wrappers that tell their {@link InFlight} while a read from or a write to the client is
 * under way: the body through the stream or reader, form parameters and parts (the container reads the body
 * for those), and the answer through the stream, the writer or a flush.
 */
final class ClientIo {

    private ClientIo() {
    }

    static HttpServletRequest request(HttpServletRequest request, InFlight watch) {
        return new Request(request, watch);
    }

    static HttpServletResponse response(HttpServletResponse response, InFlight watch) {
        return new Response(response, watch);
    }

    @FunctionalInterface
    private interface Read<T> {
        T run() throws IOException;
    }

    @FunctionalInterface
    private interface Write {
        void run() throws IOException;
    }

    private static <T> T reading(InFlight watch, Read<T> work) throws IOException {
        watch.clientIoStarted();
        try {
            return work.run();
        } finally {
            watch.clientIoEnded();
        }
    }

    private static void writing(InFlight watch, Write work) throws IOException {
        reading(watch, () -> {
            work.run();
            return null;
        });
    }

    private static <T> T param(InFlight watch, Supplier<T> work) {
        watch.clientIoStarted();
        try {
            return work.get();
        } finally {
            watch.clientIoEnded();
        }
    }

    private static final class Request extends HttpServletRequestWrapper {
        private final InFlight watch;
        private ServletInputStream stream;
        private BufferedReader reader;

        Request(HttpServletRequest request, InFlight watch) {
            super(request);
            this.watch = watch;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Input(super.getInputStream(), watch);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            if (reader == null) {
                Reader in = super.getReader();
                reader = new BufferedReader(new Reader() {
                    @Override
                    public int read(char[] buf, int off, int len) throws IOException {
                        return reading(watch, () -> in.read(buf, off, len));
                    }

                    @Override
                    public void close() throws IOException {
                        in.close();
                    }
                });
            }
            return reader;
        }

        @Override
        public String getParameter(String name) {
            return param(watch, () -> super.getParameter(name));
        }

        @Override
        public Map<String, String[]> getParameterMap() {
            return param(watch, super::getParameterMap);
        }

        @Override
        public Enumeration<String> getParameterNames() {
            return param(watch, super::getParameterNames);
        }

        @Override
        public String[] getParameterValues(String name) {
            return param(watch, () -> super.getParameterValues(name));
        }

        @Override
        public Collection<Part> getParts() throws IOException, ServletException {
            watch.clientIoStarted();
            try {
                return super.getParts();
            } finally {
                watch.clientIoEnded();
            }
        }

        @Override
        public Part getPart(String name) throws IOException, ServletException {
            watch.clientIoStarted();
            try {
                return super.getPart(name);
            } finally {
                watch.clientIoEnded();
            }
        }
    }

    private static final class Input extends ServletInputStream {
        private final ServletInputStream in;
        private final InFlight watch;

        Input(ServletInputStream in, InFlight watch) {
            this.in = in;
            this.watch = watch;
        }

        @Override
        public int read() throws IOException {
            return reading(watch, in::read);
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            return reading(watch, () -> in.read(buf, off, len));
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }

    private static final class Response extends HttpServletResponseWrapper {
        private final InFlight watch;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Response(HttpServletResponse response, InFlight watch) {
            super(response);
            this.watch = watch;
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                stream = new Output(super.getOutputStream(), watch);
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                PrintWriter out = super.getWriter();
                writer = new PrintWriter(new Writer() {
                    @Override
                    public void write(char[] buf, int off, int len) throws IOException {
                        writing(watch, () -> out.write(buf, off, len));
                    }

                    @Override
                    public void flush() throws IOException {
                        writing(watch, () -> out.flush());
                    }

                    @Override
                    public void close() {
                        out.close();
                    }
                });
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            writing(watch, () -> super.flushBuffer());
        }
    }

    private static final class Output extends ServletOutputStream {
        private final ServletOutputStream out;
        private final InFlight watch;

        Output(ServletOutputStream out, InFlight watch) {
            this.out = out;
            this.watch = watch;
        }

        @Override
        public void write(int b) throws IOException {
            writing(watch, () -> out.write(b));
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            writing(watch, () -> out.write(buf, off, len));
        }

        @Override
        public void flush() throws IOException {
            writing(watch, () -> out.flush());
        }

        @Override
        public void close() throws IOException {
            writing(watch, () -> out.close());
        }

        @Override
        public boolean isReady() {
            return out.isReady();
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            out.setWriteListener(listener);
        }
    }
}
