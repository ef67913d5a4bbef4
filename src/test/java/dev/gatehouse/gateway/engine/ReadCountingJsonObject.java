package dev.gatehouse.gateway.engine;

import dev.gatehouse.kernel.json.JsonText;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;

import java.util.AbstractMap;
import java.util.Set;

/** A JSON object that counts how often it is read: a handler config that shows whether anyone still reads it. */
final class ReadCountingJsonObject extends AbstractMap<String, JsonValue> implements JsonObject {

    private final JsonObject values;
    private int reads;

    ReadCountingJsonObject(String json) {
        this.values = JsonText.readObject(json);
    }

    int reads() {
        return reads;
    }

    void forget() {
        reads = 0;
    }

    @Override
    public Set<Entry<String, JsonValue>> entrySet() {
        reads++;
        return values.entrySet();
    }

    @Override
    public JsonValue get(Object key) {
        reads++;
        return values.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
        reads++;
        return values.containsKey(key);
    }

    @Override
    public JsonArray getJsonArray(String name) {
        reads++;
        return values.getJsonArray(name);
    }

    @Override
    public JsonObject getJsonObject(String name) {
        reads++;
        return values.getJsonObject(name);
    }

    @Override
    public JsonNumber getJsonNumber(String name) {
        reads++;
        return values.getJsonNumber(name);
    }

    @Override
    public JsonString getJsonString(String name) {
        reads++;
        return values.getJsonString(name);
    }

    @Override
    public String getString(String name) {
        reads++;
        return values.getString(name);
    }

    @Override
    public String getString(String name, String fallback) {
        reads++;
        return values.getString(name, fallback);
    }

    @Override
    public int getInt(String name) {
        reads++;
        return values.getInt(name);
    }

    @Override
    public int getInt(String name, int fallback) {
        reads++;
        return values.getInt(name, fallback);
    }

    @Override
    public boolean getBoolean(String name) {
        reads++;
        return values.getBoolean(name);
    }

    @Override
    public boolean getBoolean(String name, boolean fallback) {
        reads++;
        return values.getBoolean(name, fallback);
    }

    @Override
    public boolean isNull(String name) {
        reads++;
        return values.isNull(name);
    }

    @Override
    public ValueType getValueType() {
        return ValueType.OBJECT;
    }

    @Override
    public String toString() {
        return values.toString();
    }
}
