package dev.gatehouse.gateway.rule.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** A row of {@code gateway_rule}: the current document of one database rule. */
@Entity
@Table(name = "gateway_rule")
public class GatewayRuleEntity {

    @Id
    @Column(name = "uid", length = 36)
    String uid;
    @Column(name = "tenant_id", nullable = false)
    String tenantId;
    @Column(name = "rule_id", nullable = false)
    String ruleId;
    @Column(name = "revision", nullable = false)
    int revision;
    @Column(name = "document", nullable = false)
    String document;
    @Column(name = "created_at", nullable = false)
    Instant createdAt;
    @Column(name = "updated_at", nullable = false)
    Instant updatedAt;

    protected GatewayRuleEntity() {
    }
}
