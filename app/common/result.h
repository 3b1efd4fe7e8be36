#pragma once

#include "error.h"

#include <utility>
#include <variant>

namespace mcp {

// A value or an Error: std::expected is C++23, this is the small part of it we need.
template <typename T>
class [[nodiscard]] Result
{
public:
    // Default-constructed results stand for work that never finished (QFuture needs one).
    Result() : m_state(std::in_place_index<1>, Error{ErrorKind::Cancelled, QStringLiteral("cancelled"), {}, 0, {}}) {}
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    const T &value() const & { return std::get<0>(m_state); }
    T &value() & { return std::get<0>(m_state); }
    T &&value() && { return std::get<0>(std::move(m_state)); }
    const T &operator*() const & { return value(); }
    const T *operator->() const { return &value(); }
    T *operator->() { return &value(); }

    const Error &error() const { return std::get<1>(m_state); }
    // The error as one line, or an empty string on success (for messages built eagerly).
    QString errorText() const { return ok() ? QString() : error().toString(); }

private:
    std::variant<T, Error> m_state;
};

// Success carries no value.
struct Done
{
};
using Status = Result<Done>;

} // namespace mcp
