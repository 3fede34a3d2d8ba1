package dbworkbook.common.domain;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Objects;

/** Someone who sells cars at a dealership: the second collection of {@link Dealership}. */
public class Salesperson implements Serializable {

    private static final long serialVersionUID = 1L;

    private Long id;
    private Long dealershipId;
    private String name;
    private LocalDate hiredOn;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public Long getDealershipId() {
        return dealershipId;
    }

    public void setDealershipId(Long dealershipId) {
        this.dealershipId = dealershipId;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public LocalDate getHiredOn() {
        return hiredOn;
    }

    public void setHiredOn(LocalDate hiredOn) {
        this.hiredOn = hiredOn;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Salesperson other && Objects.equals(id, other.id)
                && Objects.equals(dealershipId, other.dealershipId) && Objects.equals(name, other.name)
                && Objects.equals(hiredOn, other.hiredOn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name);
    }

    @Override
    public String toString() {
        return "Salesperson{id=" + id + ", " + name + ", hired " + hiredOn + "}";
    }
}
