package dev.gatehouse.courier.api;

import dev.gatehouse.courier.CourierMessage;
import dev.gatehouse.kernel.JsonP;
import jakarta.json.JsonObject;

/** Ory Kratos' courier message JSON. */
final class MessageJson {

    private MessageJson() {
    }

    static JsonObject of(CourierMessage m) {
        return JsonP.createObjectBuilder()
                .add("id", m.id().toString())
                .add("status", m.status().wire())
                .add("type", m.channel().wire())
                .add("recipient", m.recipient())
                .add("subject", m.subject())
                .add("body", m.text())
                .add("template_type", m.template().wire())
                .add("send_count", m.sendCount())
                .add("created_at", m.createdAt().toString())
                .add("updated_at", m.updatedAt().toString())
                .build();
    }
}
