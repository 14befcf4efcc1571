-- Each row represents one company × channel × period (period_kind 'all' = its whole history,
-- 'month' = one calendar month, UTC): how alike its marketing and recruiting posts read.
-- similarity is the cosine of the two TF-IDF centroids (0 = no shared vocabulary, 1 = the same
-- words in the same proportions); baseline_similarity is the same cosine with the objectives
-- shuffled among the same posts (what one voice would score at these post counts);
-- consistency_index = similarity / baseline. Computed in Python (transform/consistency.py) into
-- consistency_scores and consistency_terms; reading bands are explained in docs/metrics.md.
with terms as (
    select
        company,
        channel,
        period_kind,
        period_start,
        string_agg(case when kind = 'shared' then term end, ', ' order by term_rank) as top_shared_terms,
        string_agg(case when kind = 'marketing' then term end, ', ' order by term_rank) as top_marketing_terms,
        string_agg(case when kind = 'recruiting' then term end, ', ' order by term_rank) as top_recruiting_terms
    from consistency_terms
    where term_rank <= 5
    group by
        company,
        channel,
        period_kind,
        period_start
),

final as (
    select
        s.company,
        c.is_focus,
        s.channel,
        s.period_kind,
        s.period_start,
        s.period_end,
        s.marketing_posts,
        s.recruiting_posts,
        s.similarity,
        s.baseline_similarity,
        s.consistency_index,
        case
            when s.similarity is null then 'not enough posts'
            when s.consistency_index is null then 'posts share no words'
            when s.consistency_index < 0.4 then 'split personality'
            when s.consistency_index < 0.75 then 'partly aligned'
            else 'one voice'
        end as reading,
        t.top_shared_terms,
        t.top_marketing_terms,
        t.top_recruiting_terms,
        s.labeler_version,
        s.computed_at
    from consistency_scores as s
    left join companies as c
        on c.company = s.company
    left join terms as t
        on t.company = s.company
        and t.channel = s.channel
        and t.period_kind = s.period_kind
        and t.period_start = s.period_start
)

select * from final
