package dev.gatehouse.it.courier;

import dev.gatehouse.courier.Courier;
import dev.gatehouse.courier.MessageTemplate;
import dev.gatehouse.courier.OutgoingMessage;
import dev.gatehouse.courier.delivery.CourierSender;
import dev.gatehouse.kernel.problem.ApiException;
import dev.gatehouse.kernel.tenant.TenantId;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;

/**
 * Only in the tests' second node ({@link dev.gatehouse.it.support.TestNode}, a second copy of the application): queues
 * messages through {@link Courier} inside a transaction, as a flow would, runs this node's sender on
 * several threads at once, and releases held messages as a sender starting with SMTP does.
 */
@WebServlet("/it-courier/*")
public class CourierTestServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    Courier courier;
    @Inject
    CourierSender sender;
    @Resource
    UserTransaction tx;
    @Resource
    ManagedExecutorService pool;

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        try {
            String answer = switch (String.valueOf(req.getPathInfo())) {
                case "/enqueue" -> enqueue(req);
                case "/run-senders" -> runSenders(Integer.parseInt(req.getParameter("threads")));
                case "/release-held" -> releaseHeld();
                default -> null;
            };
            if (answer == null) {
                resp.sendError(404);
                return;
            }
            resp.setContentType("text/plain");
            resp.getWriter().write(answer);
        } catch (ApiException e) {
            resp.setStatus(400);
            resp.getWriter().write(e.error().slug());
        } catch (Exception e) {
            throw new IOException(e);
        }
    }

    private String enqueue(HttpServletRequest req) throws Exception {
        int count = Integer.parseInt(req.getParameter("count") == null ? "1" : req.getParameter("count"));
        List<String> ids = new ArrayList<>();
        tx.begin();
        try {
            for (int i = 0; i < count; i++) {
                Map<String, String> model = new HashMap<>();
                model.put("code", req.getParameter("code") + (count > 1 ? "-" + i : ""));
                model.put("to", req.getParameter("to"));
                if (req.getParameter("link") != null) {
                    model.put("link", req.getParameter("link"));
                }
                String to = count > 1 ? "n" + i + "." + req.getParameter("to") : req.getParameter("to");
                UUID id = courier.enqueue(new OutgoingMessage(TenantId.DEFAULT,
                        MessageTemplate.valueOf(req.getParameter("template").toUpperCase(Locale.ROOT)), to,
                        Locale.forLanguageTag(req.getParameter("locale")), model, null));
                ids.add(id.toString());
            }
            tx.commit();
        } catch (Exception e) {
            tx.rollback();
            throw e;
        }
        return String.join("\n", ids);
    }

    /** What a node's sender does once at its first tick with SMTP configured. */
    private String releaseHeld() {
        var released = sender.releaseHeld();
        return released.queued() + " " + released.abandoned();
    }

    private String runSenders(int threads) throws Exception {
        List<Future<Integer>> runs = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            runs.add(pool.submit(sender::runOnce));
        }
        int total = 0;
        for (Future<Integer> f : runs) {
            total += f.get();
        }
        return String.valueOf(total);
    }
}
