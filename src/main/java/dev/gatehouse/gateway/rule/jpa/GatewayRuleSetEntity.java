package dev.gatehouse.gateway.rule.jpa;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A row of {@code gateway_rule_set}: the tenant's rule set version, bumped by every write. */
@Entity
@Table(name = "gateway_rule_set")
public class GatewayRuleSetEntity {

    @Id
    @Column(name = "tenant_id", length = 63)
    String tenantId;
    @Column(name = "set_version", nullable = false)
    long setVersion;

    protected GatewayRuleSetEntity() {
    }
}
