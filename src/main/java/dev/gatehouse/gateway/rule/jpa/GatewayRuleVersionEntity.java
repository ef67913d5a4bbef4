package dev.gatehouse.gateway.rule.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code gateway_rule_version}: one revision of a database rule (null document: deleted). */
@Entity
@Table(name = "gateway_rule_version")
public class GatewayRuleVersionEntity {

    @Id
    @Column(name = "uid", length = 36)
    String uid;
    @Column(name = "tenant_id", nullable = false)
    String tenantId;
    @Column(name = "rule_id", nullable = false)
    String ruleId;
    @Column(name = "revision", nullable = false)
    int revision;
    @Column(name = "document")
    String document;
    @Column(name = "changed_by")
    String changedBy;
    @Column(name = "changed_at", nullable = false)
    Instant changedAt;

    protected GatewayRuleVersionEntity() {
    }
}
